// A type-ahead over every <select data-autocomplete> (alphagov's accessible-autocomplete).
// A progressive enhancement: without JavaScript, or without the library, the select is used as it is.
(function () {
  'use strict'
  if (!window.accessibleAutocomplete || !document.body.classList.contains('govuk-frontend-supported')) return
  document.querySelectorAll('select[data-autocomplete]').forEach(function (select) {
    window.accessibleAutocomplete.enhanceSelectElement({
      selectElement: select,
      defaultValue: '',
      showAllValues: true,
      dropdownArrow: function () { return '' },
      tNoResults: function () { return 'No court found' },
      tStatusQueryTooShort: function (minQueryLength) { return 'Type in ' + minQueryLength + ' or more characters for results' }
    })
  })
})()
