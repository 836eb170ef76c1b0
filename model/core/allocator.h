// SPDX-License-Identifier: MIT
#pragma once

namespace Junction {

// Settings of the allocator every program links (mimalloc, see the root CMakeLists.txt).
// Each program calls this first thing in main(); without mimalloc it does nothing.
void configureAllocator();

} // namespace Junction
