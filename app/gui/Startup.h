#pragma once
#include "LaunchOptions.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace folkrnn::gui {

class MainWindow;

// Carries out the command line once the window is up: settings, --steps, and --screenshot (which
// waits for background runs and staff engraving to finish, grabs the window and quits).
class Startup : public QObject {
    Q_OBJECT
public:
    Startup(MainWindow *window, LaunchOptions options, QObject *parent = nullptr);

    // Applies settings and steps; returns false (after printing why) when the command line
    // asked for something impossible, e.g. an unknown prime token.
    bool begin();

signals:
    void screenshotTaken(bool ok);

private:
    void poll();
    bool settled() const;

    MainWindow *window_;
    LaunchOptions options_;
    QTimer poll_;
    QElapsedTimer waited_;
    int quietPolls_ = 0;
};

} // namespace folkrnn::gui
