#pragma once
// Installs the user-interface translation that matches the user's language:
// GroupDesk's own (embedded as :/i18n/groupdesk_<lang>.qm) and Qt's (from the
// Qt installation, for standard dialogs and the command-line help).

#include <QLocale>
#include <QStringList>

class QCoreApplication;

namespace gd {

class Translations
{
public:
    // The UI languages in order of preference: LANGUAGE (a colon-separated
    // list), then LC_ALL / LC_MESSAGES / LANG, then QLocale::system().
    static QStringList preferredLanguages();
    // Loads and installs the translators for the first preferred language
    // GroupDesk has; returns that language ("zh_CN"), "en" when none matches.
    // `chosen` (the language setting: "en", "zh_CN") comes first unless it is
    // empty or "system".
    static QString install(QCoreApplication *app, const QString &chosen = {});
};

} // namespace gd
