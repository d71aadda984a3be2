#pragma once
// Which changes of other programs the stores of this process follow on a
// shared archive (team mode, issue 18), beyond what every program needs
// (outbox rows, alerts). The messages other programs store (as
// Store::messagesStored) are for windows that show them: a headless engine
// shows none, and with ten engines on one archive each would otherwise
// read every row the nine others commit, with a catch-up query per commit
// of theirs, for nobody. Set once, before the stores open (AppRuntime
// does, for --headless).

namespace gd {

class LiveUpdates
{
public:
    static void setFollowOtherProgramsMessages(bool follow);
    static bool followsOtherProgramsMessages(); // default true
};

} // namespace gd
