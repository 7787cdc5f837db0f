export default defineBackground(() => {
  // The archive is read by extension pages directly for now; the background grows with the store (issue 4).
});
