#ifndef PROFILESHEET_CXML2_H
#define PROFILESHEET_CXML2_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU, and <libxml/encoding.h> then includes the system ICU's
   headers, which clash with Foundation's own ICU module. Only xmlCharEncodingHandler's private
   converter fields depend on it, behind a pointer: nothing profilesheet reads. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#endif
