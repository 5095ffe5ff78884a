// The text agent (src/platform/text_agent.h), linked with --js-library: while an ImGui text
// field is edited, a real <input> (a <textarea> for multi-line fields) lies over it and has the
// focus, so everything that delivers text to a web page reaches the field: input methods and
// their compositions, dead keys, phone keyboards, dictation, autocorrect, paste, the
// spellchecker's suggestions. Its text is transparent: ImGui draws the field.
//
// After each frame the app writes the field's text and selection into the element (sync);
// each `input` event sends back how the element's text differs from what was written last
// (the mirror), so a character is applied once however many events announce it. Keys ImGui
// handles (arrows, Enter, Tab, Escape, Backspace, Delete, undo) reach ImGui through GLFW's
// window listeners and are kept from editing the element; keys that type a character, keys
// that belong to an input method, and the clipboard shortcuts, stay with the browser. Modelled
// on egui's web text agent (crates/eframe/src/web/text_agent.rs) and on ImGui's own IME hook,
// io.SetPlatformImeDataFn.
mergeInto(LibraryManager.library, {
  $RefTierTextAgent: {
    input: null,
    textarea: null,
    element: null,     // the one in use while a field is edited, else null
    mirror: '',        // the field's text as the app last wrote it (or as last sent to it)
    selStart: 0,       // ... and its selection, in code points
    selEnd: 0,
    composing: false,
    rect: null,        // CSS pixels, relative to the page
    menuOpen: false,   // the element takes the pointer for one context menu

    create: function(tag) {
      var element = document.createElement(tag);
      element.className = 'reftier-text-agent';
      element.setAttribute('autocomplete', 'off');
      element.setAttribute('aria-multiline', tag === 'textarea' ? 'true' : 'false');
      element.tabIndex = -1; // the canvas is the tab stop; ImGui moves between its fields
      element.addEventListener('input', function(event) {
        RefTierTextAgent.sendEdit(event.isComposing, event.inputType === 'insertText');
      });
      element.addEventListener('compositionstart', function() {
        RefTierTextAgent.composing = true;
        _reftier_wake();
      });
      element.addEventListener('compositionend', function() {
        RefTierTextAgent.composing = false;
        RefTierTextAgent.sendEdit(false, false);
      });
      element.addEventListener('contextmenu', function() {
        // The browser's own menu (spelling suggestions, paste): shown; the pointer goes back to
        // the canvas once it is open.
        setTimeout(function() { RefTierTextAgent.takePointer(false); }, 0);
      });
      document.body.appendChild(element);
      return element;
    },

    // How the element's text differs from the mirror, in code points: the field replaces
    // [start, end) with `text` and selects [selStart, selEnd). `typing`: an insertText input
    // event, which ImGui may take as typed characters.
    sendEdit: function(composing, typing) {
      var agent = RefTierTextAgent;
      var element = agent.element;
      if (!element) return;
      var old = agent.mirror, now = element.value;
      if (old === now && !composing) {
        _reftier_text_agent_selection(agent.codePoints(now, element.selectionStart),
                                      agent.codePoints(now, element.selectionEnd));
        return;
      }
      var max = Math.min(old.length, now.length);
      var prefix = 0;
      while (prefix < max && old.charCodeAt(prefix) === now.charCodeAt(prefix)) ++prefix;
      if (prefix > 0 && agent.isHighSurrogate(old.charCodeAt(prefix - 1))) --prefix;
      var suffix = 0;
      while (suffix < max - prefix &&
             old.charCodeAt(old.length - 1 - suffix) === now.charCodeAt(now.length - 1 - suffix)) ++suffix;
      if (suffix > 0 && agent.isHighSurrogate(now.charCodeAt(now.length - suffix - 1))) --suffix;
      var inserted = now.substring(prefix, now.length - suffix);
      var start = agent.codePoints(old, prefix), end = agent.codePoints(old, old.length - suffix);
      // An edit at the selection is placed there: the diff alone may place an insertion
      // anywhere within a run of equal characters ("aa" + "a").
      var before = old.substring(0, agent.utf16Offset(old, agent.selStart));
      var after = old.substring(agent.utf16Offset(old, agent.selEnd));
      var atSelection = !composing && now.length >= before.length + after.length &&
                        now.startsWith(before) && now.endsWith(after);
      if (atSelection) {
        inserted = now.substring(before.length, now.length - after.length);
        start = agent.selStart;
        end = agent.selEnd;
      }
      var typed = atSelection && typing;
      agent.mirror = now;
      agent.selStart = agent.codePoints(now, element.selectionStart);
      agent.selEnd = agent.codePoints(now, element.selectionEnd);
      agent.send(start, end, inserted, agent.selStart, agent.selEnd, composing, typed);
    },

    // To the field (text_agent.cpp, reftier_text_agent_edit).
    send: function(start, end, text, selStart, selEnd, composing, typed) {
      var pointer = allocateUTF8(text);
      try {
        _reftier_text_agent_edit(start, end, pointer, selStart, selEnd, composing ? 1 : 0, typed ? 1 : 0);
      } finally {
        _free(pointer);
      }
    },

    // A key press that types one character (event.key is the character) and is no shortcut;
    // AltGr, which Windows reports as Ctrl+Alt, types characters.
    typesCharacter: function(event) {
      var key = event.key;
      var one = key.length === 1 || (key.length === 2 && RefTierTextAgent.isHighSurrogate(key.charCodeAt(0)));
      var shortcut = (event.ctrlKey || event.metaKey || event.altKey) && !event.getModifierState('AltGraph');
      return one && !shortcut && !event.isComposing && event.keyCode !== 229;
    },

    isHighSurrogate: function(unit) { return unit >= 0xD800 && unit <= 0xDBFF; },
    // UTF-16 offset -> code points before it.
    codePoints: function(text, offset) {
      var count = 0;
      for (var i = 0; i < offset && i < text.length; ++i, ++count)
        if (RefTierTextAgent.isHighSurrogate(text.charCodeAt(i)) && i + 1 < offset) ++i;
      return count;
    },
    // Code points -> UTF-16 offset.
    utf16Offset: function(text, points) {
      var i = 0;
      for (var n = 0; n < points && i < text.length; ++n)
        i += RefTierTextAgent.isHighSurrogate(text.charCodeAt(i)) ? 2 : 1;
      return i;
    },

    focused: function() {
      return RefTierTextAgent.element !== null && document.activeElement === RefTierTextAgent.element;
    },
    contains: function(x, y) {
      var r = RefTierTextAgent.rect;
      return r !== null && x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height;
    },
    takePointer: function(take) {
      var agent = RefTierTextAgent;
      agent.menuOpen = take;
      if (agent.element) agent.element.style.pointerEvents = take ? 'auto' : 'none';
    },

    // Runs before GLFW's window listeners (registered at load, GLFW's when main() makes the
    // window). Stopping an event here keeps it from ImGui; preventing its default keeps it from
    // editing the element.
    onKey: function(event) {
      var agent = RefTierTextAgent;
      if (!agent.focused()) {
        // Typed while the canvas has the focus: the click that makes a field active may still
        // wait for its frame. The character joins ImGui's queue behind it, as GLFW's character
        // events do on the desktop (ImGui holds text behind a button change for the next frame);
        // with no field active yet, the bridge keeps it a few frames for one
        // (text_agent_bridge.cpp apply_edit).
        if (event.type === 'keydown' && event.target === Module.canvas && agent.typesCharacter(event))
          agent.send(0, 0, event.key, 0, 0, false, true);
        return;
      }
      // An input method's keys are the input method's.
      if (event.isComposing || event.keyCode === 229 || agent.composing) {
        event.stopImmediatePropagation();
        return;
      }
      if (event.type !== 'keydown') return;
      // A character arrives as the element's input event. ImGui need not see its key as well:
      // it takes a key change and text in turn, a frame each, so a burst of typing would reach
      // the field two frames a character (37 characters: 76 frames, against 1 without).
      if (agent.typesCharacter(event)) {
        event.stopImmediatePropagation();
        return;
      }
      var key = event.key;
      var shortcut = event.ctrlKey || event.metaKey;
      var lower = key.length === 1 ? key.toLowerCase() : key;
      // Clipboard: the browser copies the element's selection (the field's), cuts and pastes
      // into it, and the edit comes back as an input event. ImGui never sees these keys. Keys
      // typed just before (Ctrl+A) may still wait in ImGui's queue for their frames, so those
      // frames run first and the element gets the selection they make.
      if ((shortcut && !event.altKey && (lower === 'c' || lower === 'x' || lower === 'v')) ||
          (key === 'Insert' && (event.ctrlKey || event.shiftKey)) || (key === 'Delete' && event.shiftKey)) {
        event.stopImmediatePropagation();
        _reftier_text_agent_before_clipboard();
        return;
      }
      // ImGui edits for these; the element must not as well.
      var editing = ['Enter', 'Delete', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End',
                     'PageUp', 'PageDown', 'Escape'];
      if (editing.indexOf(key) >= 0 || (shortcut && (lower === 'z' || lower === 'y' || lower === 'a')))
        event.preventDefault();
    },

    // A click on the canvas would move the focus off the element and back after the frame:
    // the focus stays, and ImGui decides what the click does. A right click inside the field
    // opens the element's own menu, with the spellchecker's suggestions.
    onMouseDown: function(event) {
      var agent = RefTierTextAgent;
      if (!agent.focused() || event.target !== Module.canvas) return;
      if (event.button === 2 && agent.contains(event.clientX, event.clientY)) agent.takePointer(true);
      else event.preventDefault();
    },
  },
  $RefTierTextAgent__postset:
    'window.addEventListener("keydown", RefTierTextAgent.onKey, true);' +
    'window.addEventListener("keyup", RefTierTextAgent.onKey, true);' +
    'window.addEventListener("mousedown", RefTierTextAgent.onMouseDown, true);',

  reftier_js_text_agent_show__deps: ['$RefTierTextAgent'],
  reftier_js_text_agent_show: function(x, y, width, height, multiline, fontSize, padX, padY, scrollX, scrollY,
                                       attributesPointer, textPointer, selStart, selEnd, backward) {
    var agent = RefTierTextAgent;
    var element = multiline ? (agent.textarea || (agent.textarea = agent.create('textarea')))
                            : (agent.input || (agent.input = agent.create('input')));
    if (agent.element && agent.element !== element) agent.element.blur();
    var fresh = agent.element !== element;
    agent.element = element;
    var canvasRect = Module.canvas.getBoundingClientRect();
    agent.rect = { x: canvasRect.left + x, y: canvasRect.top + y, width: width, height: height };
    var style = element.style;
    style.left = agent.rect.x + 'px';
    style.top = agent.rect.y + 'px';
    style.width = width + 'px';
    style.height = height + 'px';
    style.fontSize = fontSize + 'px';
    style.lineHeight = fontSize + 'px';
    style.padding = padY + 'px ' + padX + 'px';
    style.pointerEvents = agent.menuOpen ? 'auto' : 'none';
    // "inputmode=url enterkeyhint=done spellcheck=false autocapitalize=none aria-label=URL"
    var attributes = JSON.parse(UTF8ToString(attributesPointer));
    for (var name in attributes)
      if (element.getAttribute(name) !== attributes[name]) element.setAttribute(name, attributes[name]);
    if (!agent.composing) {
      var text = UTF8ToString(textPointer);
      if (element.value !== text) element.value = text;
      agent.mirror = text;
      agent.selStart = selStart;
      agent.selEnd = selEnd;
      var start = agent.utf16Offset(text, selStart), end = agent.utf16Offset(text, selEnd);
      var direction = backward ? 'backward' : 'forward';
      if (element.selectionStart !== start || element.selectionEnd !== end || element.selectionDirection !== direction)
        element.setSelectionRange(start, end, direction);
    }
    if (element.scrollLeft !== scrollX) element.scrollLeft = scrollX;
    if (element.scrollTop !== scrollY) element.scrollTop = scrollY;
    if (fresh || document.activeElement !== element) element.focus({ preventScroll: true });
  },

  reftier_js_text_agent_hide__deps: ['$RefTierTextAgent'],
  reftier_js_text_agent_hide: function() {
    var agent = RefTierTextAgent;
    var element = agent.element;
    if (!element) return;
    agent.element = null;
    agent.rect = null;
    agent.composing = false;
    agent.takePointer(false);
    var hadFocus = document.activeElement === element;
    element.value = ''; // no stale copy of a field for screen readers or autofill
    agent.mirror = '';
    if (hadFocus) Module.canvas.focus({ preventScroll: true });
  },

  // The page's aria-live region (web/index.html): a screen reader reads what is put there.
  reftier_js_announce: function(textPointer) {
    var region = document.getElementById('reftier-announce');
    if (region) region.textContent = UTF8ToString(textPointer);
  },

  reftier_js_text_agent_focused__deps: ['$RefTierTextAgent'],
  reftier_js_text_agent_focused: function() { return RefTierTextAgent.focused() ? 1 : 0; },
});
