#include "widgets/intervene/ClampRow.h"

#include "core/intervene/InterventionText.h"
#include "core/sim/Generator.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QStyle>
#include <QToolButton>

#include <algorithm>
#include <climits>
#include <cmath>

namespace folkrnn::widgets {

namespace {
QString unitsText(const folkrnn::Intervention &i)
{
    QStringList units;
    for (int u : i.units)
        units << QString::number(u);
    return QStringLiteral("%1:%2").arg(i.layer + 1).arg(units.join(QLatin1Char(',')));
}
} // namespace

ClampRow::ClampRow(QWidget *parent)
    : QWidget(parent), units_(new QLabel(this)), target_(new QComboBox(this)), slider_(new QSlider(Qt::Horizontal, this)),
      value_(new QDoubleSpinBox(this)), from_(new QSpinBox(this)), to_(new QSpinBox(this)),
      enabled_(new QCheckBox(this)), remove_(new QToolButton(this))
{
    // Two lines so that the panel stays narrow beside the views: what and on/off above, how much
    // and when below.
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 2, 0, 6);
    enabled_->setToolTip(tr("Apply this intervention"));
    target_->addItem(tr("h"));
    target_->addItem(tr("c"));
    target_->setToolTip(tr("Hidden state h, or cell state c (set before h = o·tanh(c))"));
    slider_->setRange(-kSliderSteps, kSliderSteps);
    slider_->setMinimumWidth(120);
    value_->setDecimals(3);
    value_->setSingleStep(0.05);
    value_->setKeyboardTracking(false);
    // A typed step number re-runs once, when it is entered, not at every keystroke.
    from_->setKeyboardTracking(false);
    to_->setKeyboardTracking(false);
    from_->setRange(0, folkrnn::kMaxSteps);
    from_->setPrefix(tr("from "));
    from_->setToolTip(tr("First step the value is applied at (step 0 consumes <s>)"));
    to_->setRange(-1, folkrnn::kMaxSteps);
    to_->setSpecialValueText(tr("to end"));
    to_->setPrefix(tr("to "));
    to_->setToolTip(tr("Last step the value is applied at"));
    remove_->setIcon(style()->standardIcon(QStyle::SP_DialogCloseButton));
    remove_->setToolTip(tr("Remove this intervention"));
    remove_->setAutoRaise(true);
    units_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    grid->addWidget(enabled_, 0, 0);
    grid->addWidget(units_, 0, 1, 1, 2);
    grid->addWidget(target_, 0, 3);
    grid->addWidget(remove_, 0, 4);
    grid->addWidget(slider_, 1, 1);
    grid->addWidget(value_, 1, 2);
    grid->addWidget(from_, 1, 3);
    grid->addWidget(to_, 1, 4);
    grid->setColumnStretch(1, 1);

    connect(slider_, &QSlider::sliderPressed, this, &ClampRow::dragStarted);
    connect(slider_, &QSlider::valueChanged, this, [this](int pos) {
        const double r = rangeFor(item_);
        item_.value = item_.kind == InterventionKind::Scale ? r * (pos + kSliderSteps) / (2.0 * kSliderSteps)
                                                            : r * pos / kSliderSteps;
        const QSignalBlocker block(value_);
        value_->setValue(item_.value);
        emitEdit(slider_->isSliderDown());
    });
    connect(value_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        item_.value = v;
        configureRange();
        emitEdit(false);
    });
    connect(target_, &QComboBox::currentIndexChanged, this, [this](int index) {
        item_.target = index == 1 ? InterventionTarget::Cell : InterventionTarget::Hidden;
        item_.value = std::clamp(item_.value, -rangeFor(item_), rangeFor(item_));
        configureRange();
        emitEdit(false);
    });
    connect(from_, &QSpinBox::valueChanged, this, [this](int v) {
        item_.fromStep = v;
        if (item_.toStep < v) {
            item_.toStep = v;
            const QSignalBlocker block(to_);
            to_->setValue(v);
        }
        emitEdit(false);
    });
    connect(to_, &QSpinBox::valueChanged, this, [this](int v) {
        item_.toStep = v < 0 ? INT_MAX : std::max(v, item_.fromStep);
        emitEdit(false);
    });
    connect(enabled_, &QCheckBox::toggled, this, [this](bool on) {
        item_.enabled = on;
        emitEdit(false);
    });
    connect(remove_, &QToolButton::clicked, this, &ClampRow::removeRequested);
}

double ClampRow::rangeFor(const folkrnn::Intervention &item)
{
    if (item.kind == InterventionKind::Scale)
        return 4.0;
    return item.target == InterventionTarget::Cell ? 5.0 : 1.0;
}

void ClampRow::configureRange()
{
    const double r = rangeFor(item_);
    const bool scale = item_.kind == InterventionKind::Scale;
    const QSignalBlocker a(slider_), b(value_);
    // The box accepts the slider's range, wider when a value typed elsewhere (the CLI) is outside it.
    const double reach = std::max(r, std::abs(item_.value));
    value_->setRange(scale ? std::min(0.0, item_.value) : -reach, reach);
    value_->setPrefix(scale ? QStringLiteral("× ") : QStringLiteral("= "));
    value_->setValue(item_.value);
    const double pos = scale ? item_.value / r * 2.0 * kSliderSteps - kSliderSteps : item_.value / r * kSliderSteps;
    slider_->setValue(int(std::lround(std::clamp(pos, double(-kSliderSteps), double(kSliderSteps)))));
    slider_->setToolTip(scale ? tr("Scale factor, 0 to %1").arg(r) : tr("Value, %1 to %2").arg(-r).arg(r));
}

void ClampRow::show(const folkrnn::Intervention &item)
{
    item_ = item;
    const QSignalBlocker a(target_), b(from_), c(to_), d(enabled_);
    const QString units = unitsText(item).section(QLatin1Char(':'), 1);
    units_->setText(item.units.size() == 1 ? tr("layer %1, unit %2").arg(item.layer + 1).arg(units)
                                           : tr("layer %1, units %2").arg(item.layer + 1).arg(units));
    units_->setToolTip(QString::fromStdString(formatIntervention(item)));
    target_->setCurrentIndex(item.target == InterventionTarget::Cell ? 1 : 0);
    from_->setValue(item.fromStep);
    to_->setValue(item.toStep == INT_MAX ? -1 : item.toStep);
    enabled_->setChecked(item.enabled);
    // A slider being dragged already shows this value; moving it again would fight the mouse.
    if (!slider_->isSliderDown())
        configureRange();
    else {
        const QSignalBlocker e(value_);
        value_->setValue(item.value);
    }
}

void ClampRow::emitEdit(bool dragging) { emit edited(item_, dragging); }

} // namespace folkrnn::widgets
