#include "UiLanguage.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace folkrnn::gui {

namespace {
const char *kKey = "ui/language";
}

QString UiLanguage::choice()
{
    const QString code = QSettings().value(QLatin1String(kKey)).toString();
    return available().contains(code) ? code : QString();
}

void UiLanguage::setChoice(const QString &code)
{
    QSettings s;
    if (code.isEmpty())
        s.remove(QLatin1String(kKey));
    else
        s.setValue(QLatin1String(kKey), code);
}

QStringList UiLanguage::available() { return {QStringLiteral("en"), QStringLiteral("sv"), QStringLiteral("de")}; }

QLocale UiLanguage::localeFor(const QString &choice)
{
    if (choice == QLatin1String("sv"))
        return QLocale(QLocale::Swedish, QLocale::Sweden);
    if (choice == QLatin1String("de"))
        return QLocale(QLocale::German, QLocale::Germany);
    if (choice == QLatin1String("en"))
        return QLocale(QLocale::English, QLocale::UnitedStates);
    return QLocale::system();
}

QString UiLanguage::translationsDir()
{
    return QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../") +
                           QStringLiteral(FOLKRNN_INSTALL_DATADIR) + QStringLiteral("/translations"));
}

int UiLanguage::install(QCoreApplication *app)
{
    const QString code = choice();
    const QLocale locale = localeFor(code);
    // An explicit choice sets number and date formats too, as choosing that system locale would.
    if (!code.isEmpty())
        QLocale::setDefault(locale);
    // English is the source language: with English first in the user's list there is nothing to
    // load, even when a later fallback language (LANGUAGE=en:de) has a translation.
    const QStringList languages = locale.uiLanguages();
    if (languages.isEmpty() || languages.front() == QLatin1String("C") ||
        languages.front().startsWith(QLatin1String("en")))
        return 0;
    int loaded = 0;
    // qt_<lang>.qm: Qt's catalogue for the language (for German it pulls in qtbase_de and the
    // other modules' files; Swedish ships one file), from Debian's qt6-translations-l10n.
    auto *qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qt"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)) &&
        QCoreApplication::installTranslator(qt))
        ++loaded;
    auto *ours = new QTranslator(app);
    if (ours->load(locale, QStringLiteral("folkrnn-inspector"), QStringLiteral("_"), translationsDir()) &&
        QCoreApplication::installTranslator(ours))
        ++loaded;
    return loaded;
}

} // namespace folkrnn::gui
