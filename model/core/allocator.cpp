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
    // A gigabyte of committed address space (the system gives it pages only when they are
    // first written) that mimalloc hands out and takes back itself. Outside it, a
    // block of more than 16 MB (an XL schema's DDL script is 20 MB) is mapped and unmapped
    // for each use: 4,900 page faults, a quarter of generating that script. The cost: pages
    // used inside it stay with the process until it ends (its peak use, not more), where
    // memory outside it goes back after the delay above. Beyond it mimalloc maps as before.
    mi_reserve_os_memory(size_t(1) << 30, true, false);
#endif
}

} // namespace Junction
