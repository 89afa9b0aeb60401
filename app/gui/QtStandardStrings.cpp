// Qt's standard dialog buttons, for lupdate only. Debian's Qt 6 has no Swedish qtbase catalogue
// (qt_sv.qm is Qt 4's, without the QPlatformTheme context Qt 6 buttons use), so OK and Cancel in
// our dialogs would stay English; listing them here puts them in our .ts files, and our translator
// (installed after Qt's, so asked first) supplies them.
#include <QtGlobal>

namespace folkrnn::gui {

[[maybe_unused]] static const char *const kQtStandardButtons[] = {
    QT_TRANSLATE_NOOP("QPlatformTheme", "OK"),     QT_TRANSLATE_NOOP("QPlatformTheme", "Cancel"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Close"),  QT_TRANSLATE_NOOP("QPlatformTheme", "Apply"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Help"),   QT_TRANSLATE_NOOP("QPlatformTheme", "Save"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "Open"),   QT_TRANSLATE_NOOP("QPlatformTheme", "&Yes"),
    QT_TRANSLATE_NOOP("QPlatformTheme", "&No"),    QT_TRANSLATE_NOOP("QPlatformTheme", "Discard"),
};

} // namespace folkrnn::gui
