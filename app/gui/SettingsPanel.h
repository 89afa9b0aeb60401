#pragma once
#include "Document.h"

#include <QWidget>

class QDoubleSpinBox;
class QLineEdit;
class QSpinBox;

namespace folkrnn::gui {

// The sampling settings form: seed, temperature, prime tokens, max length. It only collects what
// the user typed (applyRequested); the Document validates it and the form shows back whatever
// settings are in force (after undo, too).
class SettingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit SettingsPanel(QWidget *parent = nullptr);

    SettingsRequest request() const;
    void showSettings(const folkrnn::GenerationSettings &settings, const folkrnn::Model &model);

    QLineEdit *seedEdit() const { return seed_; }
    QLineEdit *primeEdit() const { return prime_; }

signals:
    void applyRequested(const folkrnn::gui::SettingsRequest &request);

private:
    QLineEdit *seed_;
    QDoubleSpinBox *temperature_;
    QLineEdit *prime_;
    QSpinBox *maxLength_;
};

} // namespace folkrnn::gui
