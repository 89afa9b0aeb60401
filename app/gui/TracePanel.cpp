#include "TracePanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace folkrnn::gui {

TracePanel::TracePanel(QWidget *parent) : QWidget(parent), editor_(new QPlainTextEdit(this)), status_(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    editor_->setObjectName(QStringLiteral("tuneText"));
    editor_->setPlaceholderText(tr("Paste a tune: folk-rnn tokens (M:4/4 K:Cmaj |: G C ...) or ABC."));
    editor_->setTabChangesFocus(true);
    auto *trace = new QPushButton(tr("T&race"), this);
    trace->setToolTip(tr("Run the model over this tune, token by token, recording how probable it found each."));
    auto *sample = new QPushButton(tr("Back to &sampling"), this);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(trace);
    buttons->addWidget(sample);
    buttons->addStretch(1);
    status_->setWordWrap(true);
    layout->addWidget(editor_, 1);
    layout->addLayout(buttons);
    layout->addWidget(status_);
    connect(trace, &QPushButton::clicked, this, [this] { emit traceRequested(editor_->toPlainText()); });
    connect(sample, &QPushButton::clicked, this, &TracePanel::samplingRequested);
    showMode(false, 0);
}

void TracePanel::showMode(bool tracing, int tokens)
{
    status_->setText(tracing ? tr("Tracing a tune of %n token(s).", nullptr, tokens)
                             : tr("Sampling: the model chooses each token."));
}

} // namespace folkrnn::gui
