// Touch on the canvas, linked with --js-library. Emscripten's GLFW maps touches to mouse
// buttons without moving the cursor (library_glfw.js reads a `touch` field only SDL sets), so a
// tap would press wherever the mouse last was; these listeners run first (window, capture) and
// keep touches from it. A touch becomes one of: a tap (a click where the finger was), a drag
// (scrolls what is under the finger, following it), or a long press (a right click: the context
// menu). The tap is handled inside touchend, so a text field it activates gets the page's focus
// within the user's gesture and the phone shows its keyboard. See src/app/touch_input.cpp.
mergeInto(LibraryManager.library, {
  $RefTierTouch: {
    START: 0, DRAG: 1, TAP: 2, LONG_PRESS: 3, CANCEL: 4,
    slop: 10,           // CSS pixels a finger may wander and still tap
    longPressMs: 500,
    touch: null,        // { id, x, y, lastX, lastY, dragging, pressed, timer }

    // Client coordinates -> the canvas's framebuffer pixels, the ones ImGui works in.
    send: function(phase, x, y) {
      var canvas = Module.canvas;
      var rect = canvas.getBoundingClientRect();
      var sx = rect.width > 0 ? canvas.width / rect.width : 1;
      var sy = rect.height > 0 ? canvas.height / rect.height : 1;
      if (phase === RefTierTouch.DRAG) _reftier_touch(phase, x * sx, y * sy);
      else _reftier_touch(phase, (x - rect.left) * sx, (y - rect.top) * sy);
    },
    // The point of the touch being followed in `event`, which is then kept from the page and
    // from GLFW; null when the event is about other fingers.
    followed: function(event) {
      var t = RefTierTouch;
      if (!t.touch) return null;
      var list = event.changedTouches;
      for (var i = 0; i < list.length; ++i) {
        if (list[i].identifier !== t.touch.id) continue;
        event.preventDefault();
        event.stopPropagation();
        return list[i];
      }
      return null;
    },
    onStart: function(event) {
      var t = RefTierTouch;
      if (event.target !== Module.canvas) return;
      event.preventDefault(); // no emulated mouse events, no page zoom or scroll
      event.stopPropagation();
      if (t.touch || event.touches.length > 1) { // a second finger: no gesture of ours
        t.cancel();
        return;
      }
      var p = event.changedTouches[0];
      t.touch = { id: p.identifier, x: p.clientX, y: p.clientY, lastX: p.clientX, lastY: p.clientY,
                  dragging: false, pressed: false, timer: 0 };
      t.touch.timer = setTimeout(function() {
        if (!t.touch || t.touch.dragging) return;
        t.touch.pressed = true;
        t.send(t.LONG_PRESS, t.touch.x, t.touch.y);
      }, t.longPressMs);
      t.send(t.START, p.clientX, p.clientY);
    },
    onMove: function(event) {
      var t = RefTierTouch;
      var p = t.followed(event);
      if (!p) return;
      if (!t.touch.dragging && Math.hypot(p.clientX - t.touch.x, p.clientY - t.touch.y) > t.slop && !t.touch.pressed) {
        t.touch.dragging = true;
        clearTimeout(t.touch.timer);
      }
      if (t.touch.dragging) t.send(t.DRAG, p.clientX - t.touch.lastX, p.clientY - t.touch.lastY);
      t.touch.lastX = p.clientX;
      t.touch.lastY = p.clientY;
    },
    onEnd: function(event) {
      var t = RefTierTouch;
      if (!t.followed(event)) return;
      var touch = t.touch;
      t.touch = null;
      clearTimeout(touch.timer);
      if (event.type === 'touchend' && !touch.dragging && !touch.pressed) t.send(t.TAP, touch.x, touch.y);
      else t.send(t.CANCEL, touch.x, touch.y);
    },
    cancel: function() {
      var t = RefTierTouch;
      if (!t.touch) return;
      clearTimeout(t.touch.timer);
      t.send(t.CANCEL, t.touch.x, t.touch.y);
      t.touch = null;
    },
  },
  $RefTierTouch__postset:
    'window.addEventListener("touchstart", RefTierTouch.onStart, { capture: true, passive: false });' +
    'window.addEventListener("touchmove", RefTierTouch.onMove, { capture: true, passive: false });' +
    'window.addEventListener("touchend", RefTierTouch.onEnd, { capture: true, passive: false });' +
    'window.addEventListener("touchcancel", RefTierTouch.onEnd, { capture: true, passive: false });',

  // A coarse pointer (a finger): the app draws larger hit targets.
  reftier_js_coarse_pointer__deps: ['$RefTierTouch'],
  reftier_js_coarse_pointer: function() {
    return window.matchMedia && window.matchMedia('(pointer: coarse)').matches ? 1 : 0;
  },
});
