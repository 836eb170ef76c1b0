// SPDX-License-Identifier: MIT
#pragma once

#include "connection.h"

#include <memory>

namespace Junction {

// Stops the statement that one open connection is running, from another thread, in the
// way each engine allows (see DatabaseThread for when it is used):
//   SQLite      sqlite3_interrupt() on the driver's handle: immediate, thread-safe, but
//               the handle must still be open (the caller guarantees it).
//   PostgreSQL  PQcancel() with the cancel key libpq keeps for the connection: it opens
//               its own socket to the server, so it blocks for a round trip.
//   MariaDB     KILL QUERY <id> from a second connection with the same spec: a login and
//               a round trip.
// Without the driver's handle (an unexpected QtSql build) there is no interrupter and
// jobs only stop between statements.
class StatementInterrupter
{
public:
    virtual ~StatementInterrupter() = default;

    // For a connection just opened on the calling thread; nullptr when not possible.
    static std::unique_ptr<StatementInterrupter> create(const Connection &connection,
                                                        const ConnectionSpec &spec);

    // True when interrupt() returns at once (may run on the UI thread).
    virtual bool isImmediate() const = 0;
    // Callable from any thread; a no-op when nothing runs (the engines ignore it then).
    virtual void interrupt() = 0;
};

} // namespace Junction
