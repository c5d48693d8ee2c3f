#include "CICU.h"
#include <string.h>
#include <unicode/upluralrules.h>
#include <unicode/uenum.h>
#include <unicode/ustring.h>

void *profilesheet_plural_rules_open(const char *locale, int *status_ok) {
    UErrorCode status = U_ZERO_ERROR;
    UPluralRules *rules = uplrules_open(locale, &status);
    if (U_FAILURE(status)) {
        if (rules) uplrules_close(rules);
        *status_ok = 0;
        return NULL;
    }
    *status_ok = 1;
    return rules;
}

void profilesheet_plural_rules_close(void *rules) {
    if (rules) uplrules_close((UPluralRules *)rules);
}

int32_t profilesheet_plural_rules_select(const void *rules, double number, char *keyword, int32_t capacity) {
    if (!rules || capacity <= 0) return -1;
    UChar buffer[32];
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = uplrules_select((const UPluralRules *)rules, number, buffer, 32, &status);
    if (U_FAILURE(status) || length <= 0 || length >= 32) return -1;
    int32_t written = 0;
    u_strToUTF8(keyword, capacity, &written, buffer, length, &status);
    if (U_FAILURE(status) || written >= capacity) return -1;
    keyword[written] = 0;
    return written;
}

int32_t profilesheet_plural_rules_keywords(const void *rules, char *keywords, int32_t capacity) {
    if (!rules || capacity <= 0) return -1;
    UErrorCode status = U_ZERO_ERROR;
    UEnumeration *names = uplrules_getKeywords((const UPluralRules *)rules, &status);
    if (U_FAILURE(status) || !names) return -1;
    int32_t used = 0;
    int32_t length = 0;
    const char *name;
    while ((name = uenum_next(names, &length, &status)) != NULL && U_SUCCESS(status)) {
        if (used + length + 1 >= capacity) {
            uenum_close(names);
            return -1;
        }
        if (used > 0) keywords[used++] = ' ';
        memcpy(keywords + used, name, (size_t)length);
        used += length;
    }
    uenum_close(names);
    if (U_FAILURE(status)) return -1;
    keywords[used] = 0;
    return used;
}
