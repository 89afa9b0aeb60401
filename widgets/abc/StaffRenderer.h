#pragma once
#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTemporaryDir>
#include <QTimer>

class QProcess;

namespace folkrnn::widgets {

// Engraves ABC to SVG with abcm2ps in a background process, so the UI never waits for it.
// Requests arrive as the tune grows; they are coalesced (a short delay, and while a process
// runs only the newest request is kept) and each result comes back through rendered().
class StaffRenderer : public QObject {
    Q_OBJECT
public:
    explicit StaffRenderer(QObject *parent = nullptr);
    ~StaffRenderer() override;

    // The abcm2ps program found on PATH, or empty (then nothing is ever rendered).
    static QString program();
    bool available() const { return !program_.isEmpty(); }

    // Engrave `abc` for a page `widthPx` pixels wide (96 dpi).
    void request(const QString &abc, int widthPx);
    // A request is waiting or being engraved.
    bool busy() const;

signals:
    void rendered(const QByteArray &svg);
    void failed(const QString &message);

private:
    void start();
    void onFinished(int exitCode);

    QString program_;
    QTemporaryDir dir_;
    QTimer delay_;
    QProcess *process_ = nullptr;
    QString pendingAbc_;
    int pendingWidth_ = 0;
    bool pending_ = false;
};

} // namespace folkrnn::widgets
