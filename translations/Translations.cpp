#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QRegularExpression>
#include <QTranslator>

namespace gd {

namespace {
QString normalize(QString name)
{
    // "zh_CN.UTF-8@variant" -> "zh_CN"
    const int cut = name.indexOf(QRegularExpression(QStringLiteral("[.@]")));
    if (cut >= 0)
        name.truncate(cut);
    name.replace(QLatin1Char('-'), QLatin1Char('_'));
    return name;
}
} // namespace

QStringList Translations::preferredLanguages()
{
    QStringList languages;
    const QString languageList = qEnvironmentVariable("LANGUAGE");
    for (const QString &part : languageList.split(QLatin1Char(':'), Qt::SkipEmptyParts))
        languages.append(normalize(part));
    for (const char *var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const QString value = qEnvironmentVariable(var);
        if (!value.isEmpty()) {
            languages.append(normalize(value));
            break;
        }
    }
    for (const QString &ui : QLocale::system().uiLanguages())
        languages.append(normalize(ui));
    languages.removeAll(QStringLiteral("C"));
    languages.removeAll(QStringLiteral("POSIX"));
    languages.removeDuplicates();
    return languages;
}

QString Translations::install(QCoreApplication *app, const QString &chosen)
{
    // English is in the source; its .qm only adds plural forms ("1 member").
    auto installEnglish = [app] {
        auto *plurals = new QTranslator(app);
        if (plurals->load(QStringLiteral(":/i18n/groupdesk_en.qm")))
            app->installTranslator(plurals);
        else
            delete plurals;
        return QStringLiteral("en");
    };
    QStringList languages = preferredLanguages();
    if (!chosen.isEmpty() && chosen != QLatin1String("system"))
        languages.prepend(normalize(chosen));
    for (const QString &language : std::as_const(languages)) {
        if (language.startsWith(QLatin1String("en")))
            return installEnglish();
        // "zh" alone, "zh_SG" and "zh_Hans" read Simplified Chinese too.
        QString candidate = language;
        if (candidate == QLatin1String("zh") || candidate.startsWith(QLatin1String("zh_Hans"))
            || candidate == QLatin1String("zh_SG"))
            candidate = QStringLiteral("zh_CN");
        auto *own = new QTranslator(app);
        if (!own->load(QStringLiteral(":/i18n/groupdesk_%1.qm").arg(candidate))) {
            delete own;
            continue;
        }
        app->installTranslator(own);
        auto *qt = new QTranslator(app);
        if (qt->load(QStringLiteral("qtbase_%1").arg(candidate),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            app->installTranslator(qt);
        else
            delete qt;
        return candidate;
    }
    return installEnglish();
}

} // namespace gd
