import { defineChecks } from 'wirelab/checks'

export default defineChecks([{ id: 'held', title: '100 held', run: (run) => ({ pass: run.serverStat('held') === 100, message: `${run.serverStat('held')} held` }) }])
