// The reference for "click a lesson → editor usable" and "→ first TypeScript completion": the same
// Monaco modules the lesson page loads (src/lib/components/editor/monaco.ts), mounted on a click in a
// bare page, with the same options and code, and the TypeScript service loaded when the editor gets
// focus, as CodeEditor.svelte does. Marks bench:editor-ready as the lesson page marks wirelab:editor-ready.
const CODE =
  new URLSearchParams(location.search).get('code') ?? "const es = new EventSource('/api/stream');\nes.onmessage = (e) => {\n  console.log(e.data);\n};\n"

document.querySelector('#mount')!.addEventListener('click', async () => {
  const { monaco } = await import('../src/lib/components/editor/monaco.ts')
  const editor = monaco.editor.create(document.querySelector<HTMLDivElement>('#editor')!, {
    value: CODE,
    language: 'javascript',
    automaticLayout: true,
    minimap: { enabled: false },
    scrollBeyondLastLine: false,
    tabSize: 2,
    ariaLabel: 'Your code',
  })
  performance.mark('bench:editor-ready')
  editor.onDidFocusEditorText(() => void import('../src/lib/components/editor/typescript-service.ts'))
})
