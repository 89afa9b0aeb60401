"""folk-rnn Inspector's engine from Python.

Open a folk-rnn LSTM model, generate tunes exactly as the original sampler does (numpy's
RandomState, token for token), with interventions on units, trace a tune teacher-forced, step
forward and back, run the analyses of folk-rnn Inspector and save sessions the inspector opens.
Arrays are read-only numpy views of the engine's memory. Layers count from 1 (as in folkrnn-cli
and the GUI); units, steps and token ids from 0.

    import folkrnn
    model = folkrnn.Model.open("folkrnn-nottingham.h5")
    run = model.generate(seed=1, interventions=[folkrnn.ablate(3, [105, 155])])
    print(run.text, run.log_probs.shape, run.signal(3, "h").shape)
"""
from ._folkrnn import *  # noqa: F401,F403
from ._folkrnn import __version__  # noqa: F401
