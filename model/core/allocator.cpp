// SPDX-License-Identifier: MIT
#include "allocator.h"

#ifdef JUNCTION_MIMALLOC
#include <mimalloc.h>
#endif

namespace Junction {

void configureAllocator()
{
#ifdef JUNCTION_MIMALLOC
    // Freed pages go back to the system after 10 s instead of 25 ms. The designer resolves
    // the schema again after each edit, and an XL resolve allocates the ~60 MB its
    // predecessor freed moments before: handing those pages back in between cost ~2,000 page
    // faults, 3-4 ms of every resolve.
    mi_option_set(mi_option_decommit_delay, 10000);
#endif
}

} // namespace Junction
