/** The topic an exam item is filed under (for /quiz topic, leaderboard scopes, weakest topics): its task. */
export const TASK_TOPICS: Record<string, string> = {
  '1.1': 'Conceitos de IA e ML',
  '1.2': 'Casos de uso de IA',
  '1.3': 'Ciclo de vida de ML',
  '2.1': 'Conceitos de IA generativa',
  '2.2': 'Capacidades e limites da IA generativa',
  '2.3': 'Infraestrutura da AWS para IA generativa',
  '3.1': 'Design de aplicações com FMs',
  '3.2': 'Engenharia de prompts',
  '3.3': 'Treinamento e fine-tuning de FMs',
  '3.4': 'Avaliação de FMs e sistemas',
  '4.1': 'IA responsável',
  '4.2': 'Transparência e explicabilidade',
  '5.1': 'Segurança de sistemas de IA',
  '5.2': 'Governança e conformidade',
};

export function topicOfObjective(objective: string): string {
  return TASK_TOPICS[objective.split('.').slice(0, 2).join('.')] ?? 'Exame AIF-C01';
}
