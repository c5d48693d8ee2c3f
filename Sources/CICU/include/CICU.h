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

#endif
