#include "widgets/common/LayerSignalBar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

namespace folkrnn::widgets {

QString signalTitle(folkrnn::Signal signal)
{
    switch (signal) {
    case folkrnn::Signal::H: return LayerSignalBar::tr("h: hidden state");
    case folkrnn::Signal::C: return LayerSignalBar::tr("c: cell state");
    case folkrnn::Signal::I: return LayerSignalBar::tr("i: input gate");
    case folkrnn::Signal::F: return LayerSignalBar::tr("f: forget gate");
    case folkrnn::Signal::O: return LayerSignalBar::tr("o: output gate");
    case folkrnn::Signal::G: return LayerSignalBar::tr("g: cell input");
    }
    return {};
}

LayerSignalBar::LayerSignalBar(QWidget *parent)
    : QWidget(parent), layer_(new QComboBox(this)), signal_(new QComboBox(this)), note_(new QLabel(this))
{
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(4, 2, 4, 2);
    auto *layerLabel = new QLabel(tr("&Layer"), this);
    layerLabel->setBuddy(layer_);
    auto *signalLabel = new QLabel(tr("&Signal"), this);
    signalLabel->setBuddy(signal_);
    row->addWidget(layerLabel);
    row->addWidget(layer_);
    row->addSpacing(8);
    row->addWidget(signalLabel);
    row->addWidget(signal_);
    row->addSpacing(8);
    row->addWidget(note_, 1);
    note_->setTextFormat(Qt::PlainText);
    for (folkrnn::Signal s : folkrnn::kSignals)
        signal_->addItem(signalTitle(s), static_cast<int>(s));
    setLayerCount(1);
    connect(layer_, &QComboBox::activated, this, &LayerSignalBar::layerChosen);
    connect(signal_, &QComboBox::activated, this, [this](int index) {
        emit signalChosen(static_cast<folkrnn::Signal>(signal_->itemData(index).toInt()));
    });
}

void LayerSignalBar::setLayerCount(int layers)
{
    if (layers == layer_->count())
        return;
    const QSignalBlocker block(layer_);
    const int current = layer_->currentIndex();
    layer_->clear();
    for (int l = 0; l < layers; ++l)
        layer_->addItem(QString::number(l + 1));
    layer_->setCurrentIndex(std::clamp(current, 0, std::max(0, layers - 1)));
}

void LayerSignalBar::showChoice(int layer, folkrnn::Signal signal)
{
    const QSignalBlocker blockLayer(layer_);
    const QSignalBlocker blockSignal(signal_);
    layer_->setCurrentIndex(layer);
    signal_->setCurrentIndex(signal_->findData(static_cast<int>(signal)));
}

void LayerSignalBar::setNote(const QString &text) { note_->setText(text); }

} // namespace folkrnn::widgets
