/** a random real-time delay of up to `ms` (tests inject it to prove that real timing never reaches the trace); none for 0 */
export function realNoise(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, Math.random() * ms)) : Promise.resolve()
}
