// folkrnn-inspector: parse the command line, open the model, show the window.
#include "LaunchOptions.h"
#include "MainWindow.h"
#include "Messages.h"
#include "SessionController.h"
#include "Startup.h"
#include "UiLanguage.h"

#include "core/model/OpenModel.h"

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
    if (!options->model.isEmpty()) {
        // A model named on the command line must open: say why not, as the CLI does.
        try {
            window.document()->openModel(options->model);
        } catch (const std::exception &e) {
            std::fprintf(stderr, "folkrnn-inspector: %s\n", e.what());
            return 2;
        }
    } else {
        const QString bundled = QString::fromStdString(
            folkrnn::bundledModelPath(QApplication::applicationDirPath().toStdString()));
        if (bundled.isEmpty())
            folkrnn::gui::showError(&window, QObject::tr("No model"),
                                    QObject::tr("No bundled model was found. Open one with File > Open Model."));
        else
            window.openModel(bundled);
    }
    window.show();
    // After a crash, offer the autosaved session (not in a scripted screenshot run).
    if (options->screenshot.isEmpty())
        QTimer::singleShot(0, window.sessions(), [&window] { window.sessions()->offerRecovery(); });

    folkrnn::gui::Startup startup(&window, *options);
    if (!startup.begin())
        return 2;
    QObject::connect(&startup, &folkrnn::gui::Startup::screenshotTaken, &app,
                     [](bool ok) { QApplication::exit(ok ? 0 : 1); });
    return QApplication::exec();
}
