// libxml2's HTML parser (Debian: libxml2-dev, pkg-config libxml-2.0): the HTML variant of Meta's
// downloads is read as a document tree, not with regular expressions.
//
// Debian builds libxml2 with ICU, so encoding.h would include ICU's headers, whose declarations clash
// with the ICU that Foundation carries (`_FoundationICU`): a clean build fails with "'U_…' from module
// '_FoundationICU' is not present in definition of 'enum UErrorCode'". PostGuard only parses documents
// and walks their tree (it never touches an encoding handler's fields), so ICU is left out of the view.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
