#pragma once
#include "core/sim/Run.h"

#include <QWidget>

class QComboBox;
class QLabel;

namespace folkrnn::widgets {

// Two combo boxes, layer and signal (h c i f o g), for views that show one layer's signal. The
// owning view shows the Selection's values with showChoice() (no signal is emitted) and turns
// the user's choices into Selection changes.
class LayerSignalBar : public QWidget {
    Q_OBJECT
public:
    explicit LayerSignalBar(QWidget *parent = nullptr);

    void setLayerCount(int layers);
    void showChoice(int layer, folkrnn::Signal signal);
    // Shown at the right of the bar (e.g. the selected units).
    void setNote(const QString &text);

signals:
    void layerChosen(int layer);
    void signalChosen(folkrnn::Signal signal);

private:
    QComboBox *layer_;
    QComboBox *signal_;
    QLabel *note_;
};

// "h: hidden state" etc., translated.
QString signalTitle(folkrnn::Signal signal);

} // namespace folkrnn::widgets
