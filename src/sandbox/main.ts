// `npm run sandbox`: the sandbox whatever the environment says (a configured token is not used).
import { runSandbox } from './run';

await runSandbox();
