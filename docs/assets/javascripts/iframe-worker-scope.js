/* Inside the offline copy's worker iframe (iframe-worker.js), before the worker script: the parts of
   a worker's global scope it uses. postMessage answers the page; importScripts loads scripts in
   order and returns a promise (the search worker awaits it); errors reach the page's FileWorker. */
;(function () {
  "use strict"
  const WORKER = document.currentScript.dataset.worker
  self.postMessage = function (data) { parent.postMessage(data, "*") }
  self.importScripts = function (...urls) {
    return urls.reduce((done, url) => done.then(() => new Promise((resolve, reject) => {
      const script = document.createElement("script")
      script.src = new URL(url, WORKER).href
      script.onload = resolve
      script.onerror = () => reject(new Error(`could not load ${script.src}`))
      document.body.appendChild(script)
    })), Promise.resolve())
  }
  addEventListener("error", (event) => {
    parent.dispatchEvent(new ErrorEvent("error", { message: event.message, filename: WORKER, error: event.error }))
  })
})()
