/* libxml2's SAX interface. Its headers pull in the system ICU when libxml2 was built with it,
   which clashes with the ICU module Foundation ships; nothing here needs ICU, so turn it off. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/SAX2.h>
