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

    // Opens what the command line names: --model or a model FILE, then a session FILE (which
    // uses that model when it is the session's); with neither, the bundled model. A named file
    // that cannot be opened is an error as on any command line: returns false after printing why.
    // A session whose model is missing or different is no error: it opens read-only, as from
    // File > Open Session.
    bool openFiles();

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
