import { defineChecks } from 'wirelab/checks'

export default defineChecks([{ id: 'all', title: '1000 events', run: (run) => ({ pass: run.sseEvents().length >= 1000, message: `${run.sseEvents().length} events` }) }])
