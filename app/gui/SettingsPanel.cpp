#include "SettingsPanel.h"

#include "core/model/TokenText.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace folkrnn::gui {

SettingsPanel::SettingsPanel(QWidget *parent)
    : QWidget(parent), seed_(new QLineEdit(this)), temperature_(new QDoubleSpinBox(this)), prime_(new QLineEdit(this)),
      maxLength_(new QSpinBox(this))
{
    auto *form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    seed_->setObjectName(QStringLiteral("seed"));
    seed_->setToolTip(tr("Seed of the random number generator (0 to 4294967295), as in sample_rnn.py."));
    temperature_->setRange(0.01, 10.0);
    temperature_->setDecimals(2);
    temperature_->setSingleStep(0.05);
    temperature_->setToolTip(tr("Softmax temperature: below 1 sharpens the distribution, above 1 flattens it."));
    prime_->setObjectName(QStringLiteral("prime"));
    prime_->setPlaceholderText(tr("e.g. M:4/4 K:Cmaj |:"));
    prime_->setToolTip(tr("Tokens taken before sampling starts, separated by spaces."));
    maxLength_->setRange(1, folkrnn::kMaxSteps);
    maxLength_->setToolTip(tr("Steps at most, </s> included."));
    auto *apply = new QPushButton(tr("&Generate"), this);
    apply->setToolTip(tr("Start a new tune with these settings (undoable)."));
    form->addRow(tr("S&eed"), seed_);
    form->addRow(tr("&Temperature"), temperature_);
    form->addRow(tr("&Prime"), prime_);
    form->addRow(tr("&Max length"), maxLength_);
    form->addRow(QString(), apply);
    connect(apply, &QPushButton::clicked, this, [this] { emit applyRequested(request()); });
    connect(seed_, &QLineEdit::returnPressed, apply, &QPushButton::click);
    connect(prime_, &QLineEdit::returnPressed, apply, &QPushButton::click);
}

SettingsRequest SettingsPanel::request() const
{
    return {seed_->text(), temperature_->value(), prime_->text(), maxLength_->value()};
}

void SettingsPanel::showSettings(const folkrnn::GenerationSettings &settings, const folkrnn::Model &model)
{
    seed_->setText(QString::number(settings.seed));
    temperature_->setValue(settings.temperature);
    prime_->setText(QString::fromStdString(folkrnn::decodeTokens(model.vocabulary, settings.prime)));
    maxLength_->setValue(settings.maxLength);
}

} // namespace folkrnn::gui
