#ifndef CLIBXML2_SHIM_H
#define CLIBXML2_SHIM_H

/* Debian builds libxml2 with ICU, so <libxml/encoding.h> would pull <unicode/ucnv.h> into this
   module. Foundation on Linux carries its own ICU, and a Swift module that sees both fails with
   "'UErrorCode' has different definitions in different modules". Hiding ICU only changes the tail
   of struct _xmlCharEncodingHandler, which Swift code treats as opaque. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlmemory.h>
#include <libxml/xmlschemas.h>

/* xmlFree is a mutable global function pointer; Swift 6 refuses to read it. */
static inline void cxml_free(void *ptr) { xmlFree(ptr); }

#endif /* CLIBXML2_SHIM_H */
