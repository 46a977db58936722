import { mount } from 'svelte'
import App from './lib/components/shell/App.svelte'
import './app.css'

mount(App, { target: document.getElementById('app')! })
