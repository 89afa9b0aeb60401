// folkrnn-inspector: parse the command line, open the model or session, show the window.
#include "LaunchOptions.h"
#include "MainWindow.h"
#include "SessionController.h"
#include "Startup.h"
#include "UiLanguage.h"

#include <QApplication>
#include <QTimer>

#include <cstdio>

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("folk-rnn"));
    QApplication::setApplicationName(QStringLiteral("folkrnn-inspector"));
    // Before the first tr(): --help and the window come up in the chosen language.
    folkrnn::gui::UiLanguage::install(&app);
    QApplication::setApplicationDisplayName(QObject::tr("folk-rnn Inspector"));
    QApplication::setApplicationVersion(QStringLiteral(FOLKRNN_VERSION));

    QString error;
    const auto options = folkrnn::gui::parseLaunchOptions(QApplication::arguments(), error);
    if (!options) {
        std::fprintf(stderr, "folkrnn-inspector: %s\n", qPrintable(error));
        return 2;
    }

    folkrnn::gui::MainWindow window(!options->defaultLayout);
    if (options->windowSize.isValid())
        window.resize(options->windowSize);
    folkrnn::gui::Startup startup(&window, *options);
    if (!startup.openFiles())
        return 2;
    window.show();
    // After a crash, offer the autosaved session (not in a scripted screenshot run).
    if (options->screenshot.isEmpty())
        QTimer::singleShot(0, window.sessions(), [&window] { window.sessions()->offerRecovery(); });

    if (!startup.begin())
        return 2;
    QObject::connect(&startup, &folkrnn::gui::Startup::screenshotTaken, &app,
                     [](bool ok) { QApplication::exit(ok ? 0 : 1); });
    return QApplication::exec();
}
