#pragma once
#include "core/intervene/Intervention.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSlider;
class QSpinBox;
class QToolButton;

namespace folkrnn::widgets {

// One intervention of the clamp panel: which units, h or c, the value (slider and box), the
// step range, enabled, remove. It shows an Intervention and reports edits as a new one; it never
// applies anything itself.
class ClampRow : public QWidget {
    Q_OBJECT
public:
    explicit ClampRow(QWidget *parent = nullptr);

    // Shows `item` without emitting edited() (the widgets being dragged keep their state).
    void show(const folkrnn::Intervention &item);
    const folkrnn::Intervention &item() const { return item_; }

    // The value range a slider covers: -1..1 for h (tanh-bounded), -5..5 for c, 0..4 for a scale.
    static double rangeFor(const folkrnn::Intervention &item);
    static constexpr int kSliderSteps = 1000; // per side: h moves in steps of 0.001

    QSlider *slider() const { return slider_; }
    QDoubleSpinBox *valueBox() const { return value_; }
    QComboBox *targetBox() const { return target_; }
    QSpinBox *fromBox() const { return from_; }
    QSpinBox *toBox() const { return to_; }
    QCheckBox *enabledBox() const { return enabled_; }
    QToolButton *removeButton() const { return remove_; }

signals:
    // `dragging`: the slider is held down (the panel merges one drag's edits into one undo step).
    void edited(const folkrnn::Intervention &item, bool dragging);
    void removeRequested();
    void dragStarted();

private:
    void emitEdit(bool dragging);
    void configureRange();

    folkrnn::Intervention item_;
    QLabel *units_;
    QComboBox *target_;
    QSlider *slider_;
    QDoubleSpinBox *value_;
    QSpinBox *from_;
    QSpinBox *to_;
    QCheckBox *enabled_;
    QToolButton *remove_;
};

} // namespace folkrnn::widgets
