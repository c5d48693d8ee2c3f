/// The gallery's search box, filters and order: markup, style and a script of its own,
/// written into `index.html` itself, so that the page works offline and from `file://`, with
/// nothing downloaded.
///
/// Written by hand rather than with a framework: the whole of it is some 90 lines that read
/// the cards' `data-` attributes, and a framework would be a download or a copy to keep up to
/// date. Without script the form stays `hidden` and every card shows. Each control has a
/// `<label>`; the number of communities shown is announced through an `aria-live` status; the
/// cards keep their order in the document as they are shown, so that the reading and tab order
/// follow the chosen sort.
enum GalleryFinder {
    static let style = """
            .finder { display: flex; flex-wrap: wrap; gap: .75rem 1rem; align-items: end; margin: 0 0 .5rem; padding: .75rem; background: var(--tile); border-radius: .5rem; }
            .finder[hidden] { display: none; }
            .finder div { display: flex; flex-direction: column; min-width: 10rem; flex: 1 1 10rem; }
            .finder label { font-size: .85rem; font-weight: 600; margin-bottom: .2rem; }
            .finder input, .finder select { font: inherit; padding: .35rem .45rem; border: 1px solid #7A8699; border-radius: .3rem; background: #fff; color: var(--ink); }
            .finder input:focus-visible, .finder select:focus-visible, .finder button:focus-visible { outline: 3px solid #E69F00; outline-offset: 1px; }
            .finder button { font: inherit; padding: .35rem .8rem; border: 1px solid var(--accent); border-radius: .3rem; background: #fff; color: var(--accent); cursor: pointer; }
            #result-count { margin: .25rem 0 1rem; color: var(--muted); }
            li.sheet[hidden] { display: none; }
        """

    static let controls = """
            <form class="finder" id="finder" role="search" aria-label="Find a community" hidden>
              <div><label for="find-text">Search</label><input id="find-text" type="search" autocomplete="off" placeholder="Name or keyword"></div>
              <div><label for="find-type">Type</label><select id="find-type"><option value="">All types</option></select></div>
              <div><label for="find-keyword">Keyword</label><select id="find-keyword"><option value="">All keywords</option></select></div>
              <div><label for="find-language">Language</label><select id="find-language"><option value="">All languages</option></select></div>
              <div><label for="find-order">Sort by</label><select id="find-order">
                <option value="name">Name (A–Z)</option>
                <option value="size">Size (most members first)</option>
                <option value="founded">Founding year (oldest first)</option>
              </select></div>
              <div><button type="reset" id="find-reset">Show all</button></div>
            </form>
            <p id="result-count" role="status" aria-live="polite"></p>
        """

    static let script = #"""
        (function () {
          'use strict';
          var form = document.getElementById('finder');
          var list = document.getElementById('sheets');
          if (!form || !list) { return; }
          var cards = Array.prototype.slice.call(list.querySelectorAll('li.sheet'));
          var text = document.getElementById('find-text');
          var type = document.getElementById('find-type');
          var keyword = document.getElementById('find-keyword');
          var language = document.getElementById('find-language');
          var order = document.getElementById('find-order');
          var status = document.getElementById('result-count');
          var collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
          var names = null;
          try { names = new Intl.DisplayNames([document.documentElement.lang || 'en'], { type: 'language' }); } catch (e) { names = null; }
          function fold(value) {
            return (value || '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
          }
          function keywordsOf(card) { return (card.dataset.keywords || '').split('\n').filter(Boolean); }
          function fill(select, values, label) {
            values.sort(function (a, b) { return collator.compare(label(a), label(b)); }).forEach(function (value) {
              var option = document.createElement('option');
              option.value = value;
              option.textContent = label(value);
              select.appendChild(option);
            });
          }
          function distinct(pick) {
            var seen = {};
            cards.forEach(function (card) { pick(card).forEach(function (value) { seen[value] = true; }); });
            return Object.keys(seen);
          }
          function languageName(tag) {
            var name = null;
            try { name = names && names.of(tag); } catch (e) { name = null; }
            return name && name !== tag ? name + ' (' + tag + ')' : tag;
          }
          fill(type, distinct(function (card) { return [card.dataset.type]; }), function (v) { return v; });
          fill(keyword, distinct(keywordsOf), function (v) { return v; });
          fill(language, distinct(function (card) { return [card.dataset.language]; }), languageName);
          var searchable = cards.map(function (card) { return fold(card.dataset.search); });
          function number(card, key) { var v = parseInt(card.dataset[key], 10); return isNaN(v) ? null : v; }
          function compare(a, b) {
            var by = order.value;
            if (by === 'size' || by === 'founded') {
              var key = by === 'size' ? 'members' : 'founded';
              var x = number(a, key), y = number(b, key);
              if (x !== y) {
                if (x === null) { return 1; }
                if (y === null) { return -1; }
                return by === 'size' ? y - x : x - y;
              }
            }
            return collator.compare(a.dataset.name, b.dataset.name);
          }
          function update() {
            var words = fold(text.value).split(' ').filter(Boolean);
            var shown = 0;
            cards.forEach(function (card, index) {
              var match = words.every(function (word) { return searchable[index].indexOf(word) >= 0; })
                && (!type.value || card.dataset.type === type.value)
                && (!keyword.value || keywordsOf(card).indexOf(keyword.value) >= 0)
                && (!language.value || card.dataset.language === language.value);
              card.hidden = !match;
              if (match) { shown += 1; }
            });
            cards.slice().sort(compare).forEach(function (card) { list.appendChild(card); });
            var total = cards.length;
            status.textContent = shown === total
              ? 'Showing all ' + total + ' communit' + (total === 1 ? 'y' : 'ies') + '.'
              : shown === 0
                ? 'No community matches. Change the search or the filters, or choose Show all.'
                : 'Showing ' + shown + ' of ' + total + ' communities.';
          }
          form.addEventListener('input', update);
          form.addEventListener('change', update);
          form.addEventListener('submit', function (event) { event.preventDefault(); update(); });
          form.addEventListener('reset', function () { setTimeout(update, 0); });
          form.hidden = false;
          update();
        })();
        """#
}
