#pragma once
// WeChat's emoji codes as sent by its clients ("[微笑]", "[捂脸]", "[强]"):
// the gateway delivers them as text. This turns the common ones into Unicode
// emoji for display; unknown codes stay as they are. The table is our own
// choice of the closest Unicode emoji for each code.

#include <QString>

namespace gd {

class WeChatEmoji
{
public:
    // The emoji for one code including its brackets, or an empty string.
    static QString emojiFor(const QString &code);
    // `text` with every known code replaced by its emoji.
    static QString replaceCodes(const QString &text);
};

} // namespace gd
