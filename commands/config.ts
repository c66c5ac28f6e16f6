import {
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  SlashCommandSubcommandBuilder,
  type ChatInputCommandInteraction,
} from 'discord.js';
import {
  DAILY_CHANNEL_TYPES,
  isDailyChannelType,
  missingDailyPermissions,
  parseDailyTime,
  parseTimeZone,
} from '../src/config/config-input';
import { renderConfigShow } from '../src/config/config-show';
import { changeDailySettings, type DailySettingsPatch } from '../src/config/daily-settings';
import { configMessages } from '../src/config/messages';
import { settleWithin, type Settled } from '../src/config/settle-within';
import { localize } from '../src/discord/localized';
import { replyPrivately } from '../src/discord/replies';
import { routerMessages } from '../src/discord/router-messages';
import type { Command, InteractionContext } from '../src/app/context';
import { ensureGuild } from '../src/guilds/guild-settings';
import { RebuildStopped } from '../src/leaderboard/sliced-rebuild';
import { searchTimeZones } from '../src/time/zones';

const sub = (name: string, nome: string, description: string, descricao: string) =>
  localize(
    new SlashCommandSubcommandBuilder(),
    { 'en-US': name, 'pt-BR': nome },
    { 'en-US': description, 'pt-BR': descricao },
  );

const data = localize(
  new SlashCommandBuilder(),
  { 'en-US': 'config', 'pt-BR': 'config' },
  {
    'en-US': 'Daily posts: channel, time, time zone and which posts',
    'pt-BR': 'Posts diários: canal, horário, fuso e quais posts',
  },
)
  .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
  .setContexts(InteractionContextType.Guild)
  .addSubcommand(
    sub('channel', 'canal', 'The channel for the daily posts', 'O canal dos posts diários').addChannelOption(
      (o) =>
        localize(
          o,
          { 'en-US': 'channel', 'pt-BR': 'canal' },
          { 'en-US': 'A text channel', 'pt-BR': 'Um canal de texto' },
        )
          .addChannelTypes(...DAILY_CHANNEL_TYPES)
          .setRequired(true),
    ),
  )
  .addSubcommand(
    sub(
      'time',
      'horario',
      'Local time of the daily posts (HH:MM)',
      'Horário local dos posts diários (HH:MM)',
    ).addStringOption((o) =>
      localize(
        o,
        { 'en-US': 'time', 'pt-BR': 'horario' },
        { 'en-US': 'e.g. 09:00', 'pt-BR': 'por exemplo 09:00' },
      )
        .setMinLength(4)
        .setMaxLength(5)
        .setRequired(true),
    ),
  )
  .addSubcommand(
    sub(
      'timezone',
      'fuso',
      "The server's time zone (IANA name)",
      'O fuso horário do servidor (nome IANA)',
    ).addStringOption((o) =>
      localize(
        o,
        { 'en-US': 'zone', 'pt-BR': 'fuso' },
        { 'en-US': 'e.g. America/Sao_Paulo', 'pt-BR': 'por exemplo America/Sao_Paulo' },
      )
        .setAutocomplete(true)
        .setMaxLength(64)
        .setRequired(true),
    ),
  )
  .addSubcommand(
    sub('posts', 'posts', 'Turn the daily posts on or off', 'Liga ou desliga os posts diários')
      .addBooleanOption((o) =>
        localize(
          o,
          { 'en-US': 'service_card', 'pt-BR': 'servico_do_dia' },
          { 'en-US': 'Service of the day card', 'pt-BR': 'Ficha do serviço do dia' },
        ),
      )
      .addBooleanOption((o) =>
        localize(
          o,
          { 'en-US': 'daily_question', 'pt-BR': 'pergunta_do_dia' },
          { 'en-US': 'Question of the day', 'pt-BR': 'Pergunta do dia' },
        ),
      ),
  )
  .addSubcommand(
    sub(
      'show',
      'mostrar',
      'Show the settings, next post and last error',
      'Mostra a configuração, o próximo post e o último erro',
    ),
  );

/** Reads the subcommand's input into a settings change, or the message saying why it is refused. */
function patchFrom(
  interaction: ChatInputCommandInteraction,
  ctx: InteractionContext,
): DailySettingsPatch | string {
  const text = configMessages(ctx.locale);
  switch (interaction.options.getSubcommand()) {
    case 'channel': {
      const channel = interaction.options.getChannel('channel', true);
      // Discord filters the picker, but a crafted or old client can send any channel: check again.
      if (!isDailyChannelType(channel.type)) return text.badChannel(`<#${channel.id}>`);
      return { dailyChannelId: channel.id };
    }
    case 'time': {
      const input = interaction.options.getString('time', true);
      const time = parseDailyTime(input);
      return time === null ? text.badTime(input) : { dailyTime: time };
    }
    case 'timezone': {
      const input = interaction.options.getString('zone', true);
      const zone = parseTimeZone(input);
      return zone === null ? text.badZone(input) : { timezone: zone };
    }
    default: {
      const serviceCard = interaction.options.getBoolean('service_card');
      const dailyQuestion = interaction.options.getBoolean('daily_question');
      if (serviceCard === null && dailyQuestion === null) return text.nothingToChange;
      return {
        ...(serviceCard !== null ? { serviceCardEnabled: serviceCard } : {}),
        ...(dailyQuestion !== null ? { dailyQuestionEnabled: dailyQuestion } : {}),
      };
    }
  }
}

/** How long a time-zone reply waits for the standings rebuild before saying it is still running. */
const ZONE_REPLY_WAIT_MS = 2000;

function confirmation(
  patch: DailySettingsPatch,
  timezone: string,
  zoneState: Settled | null,
  ctx: InteractionContext,
): string {
  const text = configMessages(ctx.locale);
  if (patch.dailyChannelId) return text.channelSet(`<#${patch.dailyChannelId}>`);
  if (patch.dailyTime) return text.timeSet(patch.dailyTime, timezone);
  if (patch.timezone) {
    if (zoneState === 'done') return text.zoneSet(patch.timezone);
    return zoneState === 'failed' ? text.zoneFailed(patch.timezone) : text.zoneSwitching(patch.timezone);
  }
  return text.postsSet;
}

/** Saved anyway (permissions can be fixed after), but the admin hears now rather than at post time. */
function permissionWarning(
  interaction: ChatInputCommandInteraction,
  channelId: string,
  ctx: InteractionContext,
): string | null {
  let permissions = null;
  try {
    permissions = interaction.guild?.members.me?.permissionsIn(channelId) ?? null;
  } catch {
    // Channel not in the cache: nothing to say yet.
  }
  const missing = missingDailyPermissions(permissions);
  return missing.length === 0
    ? null
    : configMessages(ctx.locale).missingPermissions(`<#${channelId}>`, missing.join(', '));
}

export const configCommand = {
  data,
  async execute(interaction, ctx) {
    if (!interaction.inGuild()) return replyPrivately(interaction, routerMessages(ctx.locale).guildOnly);
    const text = configMessages(ctx.locale);
    // Discord applies the default permission, but server overrides or an old registration may not.
    if (!interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) {
      return replyPrivately(interaction, text.noPermission);
    }
    const now = ctx.now();
    if (interaction.options.getSubcommand() === 'show') {
      const guild = ensureGuild(ctx.db, interaction.guildId, ctx.env.DEFAULT_TIMEZONE, now);
      await interaction.reply({
        embeds: [renderConfigShow(ctx.db, guild, now, ctx.locale)],
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    const patch = patchFrom(interaction, ctx);
    if (typeof patch === 'string') return replyPrivately(interaction, patch);
    // A new zone is stored with the standings rebuilt in it, in the background (minutes on a big
    // server): the reply waits a little, then says the leaderboard is still being recalculated.
    const zoneChange = patch.timezone !== undefined;
    if (zoneChange) await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    const { guild: saved, zoneSwitch } = changeDailySettings(
      ctx.db,
      ctx.standings,
      interaction.guildId,
      patch,
      ctx.env.DEFAULT_TIMEZONE,
      now,
    );
    ctx.log.info({ patch, settingsVersion: saved.settingsVersion }, 'daily settings changed');
    void zoneSwitch?.then(
      (result) =>
        ctx.log.info({ timezone: patch.timezone, ...result }, 'time zone switched, standings rebuilt'),
      (error: unknown) =>
        error instanceof RebuildStopped
          ? ctx.log.info(
              { timezone: patch.timezone },
              'time zone switch stopped with the bot; it resumes at the next start',
            )
          : ctx.log.error({ err: error, timezone: patch.timezone }, 'time zone switch failed; old zone kept'),
    );
    const zoneState = zoneSwitch ? await settleWithin(zoneSwitch, ZONE_REPLY_WAIT_MS) : null;
    // Read again after the wait: the zone, or the pending one, may have changed meanwhile.
    const guild = zoneSwitch ? ensureGuild(ctx.db, interaction.guildId, saved.timezone, now) : saved;
    const warning = patch.dailyChannelId ? permissionWarning(interaction, patch.dailyChannelId, ctx) : null;
    const answer = {
      content: [confirmation(patch, guild.timezone, zoneState, ctx), ...(warning ? [warning] : [])].join(
        '\n',
      ),
      embeds: [renderConfigShow(ctx.db, guild, now, ctx.locale)],
    };
    await (zoneChange
      ? interaction.editReply(answer)
      : interaction.reply({ ...answer, flags: MessageFlags.Ephemeral }));
  },
  async autocomplete(interaction) {
    const focused = interaction.options.getFocused(true);
    if (focused.name !== 'zone') return interaction.respond([]);
    await interaction.respond(
      searchTimeZones(focused.value, 25).map((zone) => ({ name: zone, value: zone })),
    );
  },
} satisfies Command;
