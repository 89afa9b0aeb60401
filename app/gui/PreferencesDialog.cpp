#include "PreferencesDialog.h"

#include "UiLanguage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace folkrnn::gui {

PreferencesDialog::PreferencesDialog(QWidget *parent) : QDialog(parent), language_(new QComboBox(this))
{
    setWindowTitle(tr("Preferences"));
    setObjectName(QStringLiteral("preferencesDialog"));
    language_->setObjectName(QStringLiteral("language"));
    language_->addItem(tr("System default"), QString());
    // Each language is named in itself, so a user can find their own whatever the current one is.
    language_->addItem(QStringLiteral("English"), QStringLiteral("en"));
    language_->addItem(QStringLiteral("Svenska"), QStringLiteral("sv"));
    language_->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    language_->setCurrentIndex(std::max(0, language_->findData(UiLanguage::choice())));

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), language_);
    auto *note = new QLabel(tr("A new language is used from the next start of the inspector."), this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

QString PreferencesDialog::language() const { return language_->currentData().toString(); }

void PreferencesDialog::accept()
{
    UiLanguage::setChoice(language());
    QDialog::accept();
}

} // namespace folkrnn::gui
