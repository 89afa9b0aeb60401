#pragma once
#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace folkrnn::gui {

// "Trace a tune": paste ABC or folk-rnn tokens and have the model read it teacher-forced, which
// records the log-probability it gives each actual token.
class TracePanel : public QWidget {
    Q_OBJECT
public:
    explicit TracePanel(QWidget *parent = nullptr);

    QPlainTextEdit *editor() const { return editor_; }
    void showMode(bool tracing, int tokens);

signals:
    void traceRequested(const QString &text);
    void samplingRequested();

private:
    QPlainTextEdit *editor_;
    QLabel *status_;
};

} // namespace folkrnn::gui
