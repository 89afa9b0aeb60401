#pragma once
#include <QDialog>

class QComboBox;

namespace folkrnn::gui {

// Edit > Preferences: the interface language (system, English, Svenska, Deutsch), stored in
// QSettings through UiLanguage and applied at the next start (Qt cannot retranslate the widgets
// already built without every view handling LanguageChange).
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(QWidget *parent = nullptr);

    // The language code chosen in the dialog ("" = system).
    QString language() const;

    void accept() override;

private:
    QComboBox *language_;
};

} // namespace folkrnn::gui
