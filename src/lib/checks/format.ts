/** simulated ms as the learner sees them: "1.200 s" */
export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(3)} s`
}
