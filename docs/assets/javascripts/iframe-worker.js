/* The offline copy's Worker for pages opened from disk, where a browser refuses
   `new Worker("file://...")`: the worker script runs in a hidden iframe of the page instead.
   Listed in mkdocs.offline.yml (extra.polyfills); on http(s) it does nothing.

   It replaces the iframe-worker shim, which wrote an inline script holding the page's own
   file:// address into its iframe: no build can hash that, so the offline copy's
   Content-Security-Policy needed 'unsafe-inline'. Here the iframe gets two <script src> and
   nothing inline: iframe-worker-scope.js (what a worker script expects of its global scope), then
   the worker. An iframe without src shares the page's policy, so both load as the site's own. */
;(function () {
  "use strict"
  if (location.protocol !== "file:") return
  const SCOPE = new URL("iframe-worker-scope.js", document.currentScript.src).href

  function attr(value) {
    return String(value).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;")
  }

  class FileWorker extends EventTarget {
    constructor(url) {
      super()
      this.url = new URL(url, location.href).href
      this.onmessage = null
      this.onerror = null
      const frame = document.createElement("iframe")
      frame.hidden = true
      document.body.appendChild(this.frame = frame)
      this.receive = (event) => {
        if (event.source !== frame.contentWindow) return
        const message = new MessageEvent("message", { data: event.data })
        this.dispatchEvent(message)
        if (this.onmessage) this.onmessage(message)
      }
      this.fail = (event) => {
        if (event.filename !== this.url) return
        const error = new ErrorEvent("error", { message: event.message, filename: event.filename, error: event.error })
        this.dispatchEvent(error)
        if (this.onerror) this.onerror(error)
      }
      addEventListener("message", this.receive)
      addEventListener("error", this.fail)
      const doc = frame.contentWindow.document
      doc.open()
      doc.write(`<html><body><script src="${attr(SCOPE)}" data-worker="${attr(this.url)}"></scr` +
                `ipt><script src="${attr(this.url)}"></scr` + `ipt></body></html>`)
      doc.close()
      this.ready = new Promise((resolve) => { frame.contentWindow.onload = resolve })
    }

    postMessage(data) {
      this.ready.then(() => {
        this.frame.contentWindow.dispatchEvent(new MessageEvent("message", structuredClone({ data })))
      })
    }

    terminate() {
      removeEventListener("message", this.receive)
      removeEventListener("error", this.fail)
      this.frame.remove()
    }
  }

  window.Worker = FileWorker
})()
