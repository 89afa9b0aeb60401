#include "widgets/intervene/ClampPanel.h"

#include "core/intervene/InterventionText.h"
#include "widgets/intervene/ClampRow.h"
#include "widgets/selection/Selection.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

namespace folkrnn::widgets {

ClampPanel::ClampPanel(QWidget *parent)
    : QWidget(parent), rowsLayout_(new QVBoxLayout), empty_(new QLabel(this)),
      add_(new QPushButton(tr("&Add Selected Units"), this)), clear_(new QPushButton(tr("C&lear All"), this))
{
    auto *layout = new QVBoxLayout(this);
    auto *buttons = new QHBoxLayout;
    add_->setToolTip(tr("Clamp the units selected in any view (of the selected layer) to 0; then move each "
                        "slider to set the value"));
    clear_->setToolTip(tr("Remove every intervention"));
    buttons->addWidget(add_);
    buttons->addWidget(clear_);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    empty_->setWordWrap(true);
    empty_->setText(tr("No interventions. Select units in the activation heatmap or the unit traces, then "
                       "Add Selected Units: the run is recomputed with those units clamped, and the comparison "
                       "view shows what changed against the untouched run."));
    auto *area = new QScrollArea(this);
    auto *inner = new QWidget(area);
    auto *innerLayout = new QVBoxLayout(inner);
    innerLayout->addWidget(empty_);
    innerLayout->addLayout(rowsLayout_);
    innerLayout->addStretch(1);
    area->setWidget(inner);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    layout->addWidget(area, 1);

    connect(add_, &QPushButton::clicked, this, [this] {
        const folkrnn::InterventionSet next = withSelectedUnits();
        if (!(next == set_))
            emit changeRequested(next, tr("Clamp selected units"), -1);
    });
    connect(clear_, &QPushButton::clicked, this, [this] {
        if (!set_.items.empty())
            emit changeRequested({}, tr("Remove all interventions"), -1);
    });
    updateButtons();
}

void ClampPanel::setSelection(Selection *selection)
{
    if (selection_)
        disconnect(selection_, nullptr, this, nullptr);
    selection_ = selection;
    if (selection_)
        connect(selection_, &Selection::changed, this, &ClampPanel::updateButtons);
    updateButtons();
}

void ClampPanel::setModelShape(int layers, int hidden)
{
    layers_ = layers;
    hidden_ = hidden;
    updateButtons();
}

folkrnn::InterventionSet ClampPanel::withSelectedUnits() const
{
    folkrnn::InterventionSet next = set_;
    if (!selection_ || layers_ == 0)
        return next;
    const int layer = selection_->layer();
    for (int u : selection_->units()) {
        if (u < 0 || u >= hidden_ || layer < 0 || layer >= layers_)
            continue;
        const bool present = std::any_of(next.items.begin(), next.items.end(), [&](const folkrnn::Intervention &i) {
            return i.layer == layer && i.units == std::vector<int>{u} && i.target == InterventionTarget::Hidden;
        });
        if (present)
            continue;
        folkrnn::Intervention i;
        i.layer = layer;
        i.units = {u};
        next.items.push_back(i);
    }
    return next;
}

void ClampPanel::updateButtons()
{
    const bool some = selection_ && !selection_->units().isEmpty() && layers_ > 0;
    add_->setEnabled(some);
    add_->setText(some ? tr("&Add Selected Units (%1 of layer %2)").arg(selection_->units().size()).arg(selection_->layer() + 1)
                       : tr("&Add Selected Units"));
    clear_->setEnabled(!set_.items.empty());
}

void ClampPanel::showInterventions(const folkrnn::InterventionSet &set)
{
    set_ = set;
    if (int(set_.items.size()) != rows_.size())
        rebuild();
    for (int k = 0; k < rows_.size(); ++k)
        rows_[k]->show(set_.items[static_cast<std::size_t>(k)]);
    empty_->setVisible(rows_.isEmpty());
    updateButtons();
}

void ClampPanel::rebuild()
{
    for (ClampRow *r : rows_)
        r->deleteLater();
    rows_.clear();
    for (std::size_t k = 0; k < set_.items.size(); ++k) {
        auto *r = new ClampRow(this);
        const int index = static_cast<int>(k);
        connect(r, &ClampRow::dragStarted, this, [this] { dragKey_ = nextKey(); });
        connect(r, &ClampRow::edited, this, [this, index](const folkrnn::Intervention &item, bool dragging) {
            onRowEdited(index, item, dragging);
        });
        connect(r, &ClampRow::removeRequested, this, [this, index] {
            folkrnn::InterventionSet next = set_;
            const std::string text = formatIntervention(next.items[static_cast<std::size_t>(index)]);
            next.items.erase(next.items.begin() + index);
            emit changeRequested(next, tr("Remove %1").arg(QString::fromStdString(text)), -1);
        });
        rowsLayout_->addWidget(r);
        rows_ << r;
    }
}

void ClampPanel::onRowEdited(int index, const folkrnn::Intervention &item, bool dragging)
{
    if (index < 0 || index >= int(set_.items.size()))
        return;
    folkrnn::InterventionSet next = set_;
    next.items[static_cast<std::size_t>(index)] = item;
    if (next == set_)
        return;
    // One drag is one undo step; a typed value or a toggle is one step of its own.
    const int key = dragging && dragKey_ >= 0 ? dragKey_ : nextKey();
    emit changeRequested(next, tr("Set %1").arg(QString::fromStdString(formatIntervention(item))), key);
}

int ClampPanel::rowCount() const { return rows_.size(); }

ClampRow *ClampPanel::row(int index) const { return rows_.value(index); }

} // namespace folkrnn::widgets
