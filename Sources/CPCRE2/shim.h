// PCRE2's API names are macros that pick a code-unit width; Swift cannot import those,
// so we fix the width here and call the `_8` functions directly.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

// Constants PCRE2 defines as casts or expressions, which Swift does not import.
static inline size_t cpcre2_unset(void) { return PCRE2_UNSET; }
static inline int cpcre2_error_nomatch(void) { return PCRE2_ERROR_NOMATCH; }
static inline int cpcre2_error_matchlimit(void) { return PCRE2_ERROR_MATCHLIMIT; }
static inline int cpcre2_error_depthlimit(void) { return PCRE2_ERROR_DEPTHLIMIT; }
static inline int cpcre2_error_heaplimit(void) { return PCRE2_ERROR_HEAPLIMIT; }
static inline int cpcre2_error_jit_stacklimit(void) { return PCRE2_ERROR_JIT_STACKLIMIT; }
