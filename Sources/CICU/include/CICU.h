#ifndef PROFILESHEET_CICU_H
#define PROFILESHEET_CICU_H
#include <stdint.h>

/* ICU's plural rules (Debian's libicu) behind functions whose declarations carry no ICU type.
 * Swift's Foundation brings its own copy of ICU (module _FoundationICU, its symbols prefixed
 * swift_), whose headers define the same types: a Clang module including <unicode/...> next to
 * Foundation fails with "'UErrorCode' has different definitions in different modules". So the
 * ICU headers are included only in plural_rules.c, and Swift sees this header alone. ICU's
 * versioned names (uplrules_open_72) stay on the C side too. */

/** Opaque rules; NULL when ICU could not open rules for the locale. status_ok is set to 1 on
 *  success, 0 on failure. */
void *profilesheet_plural_rules_open(const char *locale, int *status_ok);
void profilesheet_plural_rules_close(void *rules);
/** Writes the category of `number` (as UTF-8, NUL-terminated: "one", "few", …) into
 *  `keyword`; returns its length, or -1 on failure or when it does not fit. */
int32_t profilesheet_plural_rules_select(const void *rules, double number, char *keyword, int32_t capacity);
/** The categories the rules use, as UTF-8 names separated by spaces; returns the length, or
 *  -1 on failure or when they do not fit. */
int32_t profilesheet_plural_rules_keywords(const void *rules, char *keywords, int32_t capacity);

/* ICU's break iterators (ubrk), over UTF-8 text. `kind` is 0 for line-break opportunities
 * (UAX #14, ICU's strict rules: no line starts with a small kana or a prolonged sound mark) and
 * 1 for word boundaries (dictionary-based for Chinese and Japanese). Writes the boundaries after
 * the text's start, as byte offsets into `text` (the last is `length`), into `boundaries`, and
 * for word boundaries whether the segment before each is a word (1) or spaces and punctuation
 * (0) into `words` (may be NULL); returns how many, or -1 on failure or when `capacity` is too
 * small (length + 1 always suffices). Each thread keeps the last iterator it opened of each
 * kind, so that a paragraph costs no new iterator while the language stays the same. */
int32_t profilesheet_break_boundaries(int32_t kind, const char *locale, const char *text, int32_t length,
                                      int32_t *boundaries, int32_t *words, int32_t capacity);

#endif
