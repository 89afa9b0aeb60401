#pragma once
#include <QLocale>
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace folkrnn::gui {

// The language of the user interface: the one chosen in Preferences (QSettings "ui/language":
// "en", "sv", "de"), else the system locale (LANG, LANGUAGE). Our .qm files are looked up relative
// to the executable, <exe>/../share/folkrnn-inspector/translations, which is both the installed
// layout and the build tree's; Qt's own strings (dialog buttons, --help) come from qt_*.qm.
class UiLanguage {
public:
    // The stored choice; empty means "follow the system".
    static QString choice();
    static void setChoice(const QString &code);
    // The codes a user can choose, English first.
    static QStringList available();
    // The locale the interface will use for `choice` ("" = the system's).
    static QLocale localeFor(const QString &choice);
    static QString translationsDir();
    // Installs our and Qt's translators for the stored choice on `app` (call once, before any tr()).
    // Returns the number of translators loaded (0 for English).
    static int install(QCoreApplication *app);
};

} // namespace folkrnn::gui
