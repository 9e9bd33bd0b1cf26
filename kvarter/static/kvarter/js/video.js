// Swaps a video placeholder for the YouTube player only after the reader presses play,
// so that no request goes to YouTube before that. Without JavaScript the link still works.
document.querySelectorAll("[data-video-embed]").forEach((figure) => {
  const button = figure.querySelector(".video__play");
  if (!button || button.dataset.ready) return;
  button.dataset.ready = "true";
  button.hidden = false;
  button.addEventListener("click", () => {
    const frame = document.createElement("iframe");
    frame.src = figure.dataset.videoEmbed;
    frame.title = figure.dataset.videoTitle;
    frame.allow = "autoplay; encrypted-media; picture-in-picture";
    frame.allowFullscreen = true;
    frame.loading = "lazy";
    const holder = figure.querySelector(".video__frame");
    holder.replaceChildren(frame);
    frame.focus();
  });
});
