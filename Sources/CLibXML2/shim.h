// libxml2's HTML parser (Debian: libxml2-dev, pkg-config libxml-2.0): the HTML variant of Meta's
// downloads is read as a document tree, not with regular expressions.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
